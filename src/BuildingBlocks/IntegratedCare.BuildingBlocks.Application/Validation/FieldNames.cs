using System.Text;

namespace IntegratedCare.BuildingBlocks.Application;

/// <summary>
/// Requests mirror the proto messages, so a property path maps one-to-one to the field a partner sent:
/// <c>AreaIds[1]</c> → <c>area_ids[1]</c>, <c>Contact.Email</c> → <c>contact.email</c>.
/// </summary>
public static class FieldNames
{
    public static string ToWireName(string propertyPath)
    {
        var builder = new StringBuilder(propertyPath.Length + 8);
        for (var i = 0; i < propertyPath.Length; i++)
        {
            var c = propertyPath[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && propertyPath[i - 1] is not '.' and not '[' && char.IsLetterOrDigit(propertyPath[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
