using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Messaging;

/// <summary>A request that changes state. Runs in one transaction with its outbox and audit writes.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>
{
}

/// <summary>A request that reads state. Still audited: reading a person's data is a disclosure.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>
{
}
