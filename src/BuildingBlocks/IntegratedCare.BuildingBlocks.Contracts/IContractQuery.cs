using MediatR;

namespace IntegratedCare.BuildingBlocks.Contracts;

/// <summary>A query one module answers for another, sent through the mediator in the same process.</summary>
public interface IContractQuery<out TResponse> : IRequest<TResponse>
{
}
