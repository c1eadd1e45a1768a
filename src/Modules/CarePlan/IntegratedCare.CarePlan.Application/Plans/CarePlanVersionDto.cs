using IntegratedCare.BuildingBlocks.Application.Calendar;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.CarePlan.Application.Plans;

public sealed record CarePlanVersionDto(long Position, long Version, DateTimeOffset At, string By, string Why);
