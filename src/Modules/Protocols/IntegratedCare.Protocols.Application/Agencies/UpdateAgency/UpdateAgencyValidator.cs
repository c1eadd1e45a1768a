using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;

namespace IntegratedCare.Protocols.Application.Agencies.UpdateAgency;

internal sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        AgencyInput.AddRules(this);
    }
}
