using FluentValidation;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.ServiceUserExists;

internal sealed class ServiceUserExistsValidator : AbstractValidator<ServiceUserExistsQuery>
{
    public ServiceUserExistsValidator() => RuleFor(x => x.ServiceUserId).MustBeId();
}

internal sealed class ServiceUserExistsHandler(IServiceUserRepository people, IAuditScope audit) : IRequestHandler<ServiceUserExistsQuery, bool>
{
    public Task<bool> Handle(ServiceUserExistsQuery request, CancellationToken cancellationToken)
    {
        var id = new ServiceUserId(Guid.Parse(request.ServiceUserId));
        audit.ServiceUser(id.ToString());
        return people.ExistsAsync(id, cancellationToken);
    }
}
