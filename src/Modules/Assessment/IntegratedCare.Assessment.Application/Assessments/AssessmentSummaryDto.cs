using FluentValidation;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.Assessments;

public sealed record AssessmentSummaryDto(
    string AssessmentId,
    string LeadAgencyId,
    AssessmentStatus Status,
    bool IsReassessment,
    string SupersedesAssessmentId,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt);
