using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Refuses a request over the bound every repeated field and text keeps, then runs every validator of the
/// request and refuses it with all field errors at once.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = request is null ? [] : Validation.RepeatedFieldBound.Check(request).ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            errors.AddRange(result.Errors.Select(f => new FieldError(FieldNames.ToWireName(f.PropertyName), f.ErrorMessage)));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return await next();
    }
}
