using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>Loads a form for a call; a caller who may not see it is told it does not exist.</summary>
internal sealed class FormAccess(IFormRepository forms, Ladder ladder, IAuditScope audit)
{
    public async Task<(GapsBlocksForm Form, Protocols.Contracts.AreaProfile Area)> LoadAsync(string formId, CancellationToken cancellationToken)
    {
        var id = new FormId(Guid.Parse(formId));
        audit.Resource(id.ToString());
        var form = await forms.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Form", id.ToString());
        var area = await ladder.AreaAsync(form.AreaId, cancellationToken);
        return ladder.MaySee(form, area) ? (form, area) : throw new NotFoundException("Form", id.ToString());
    }
}
