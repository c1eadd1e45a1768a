using FluentValidation;

namespace IntegratedCare.Protocols.Application.Agencies.RegisterAgency;

internal sealed class RegisterAgencyValidator : AbstractValidator<RegisterAgencyCommand>
{
    public RegisterAgencyValidator() => AgencyInput.AddRules(this);
}
