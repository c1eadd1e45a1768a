using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using IntegratedCare.BuildingBlocks.Application.Errors;

namespace IntegratedCare.BuildingBlocks.Application.Validation;

/// <summary>
/// The bound every repeated field of every request keeps, whatever its own rules say: at most
/// <see cref="MaxItems"/> items, and at most <see cref="MaxTextLength"/> characters in any one text, at
/// any depth, none holding a NUL character. Fields with a lower bound of their own state it in the protos; this one is stated there too.
/// It runs before the request's validators, so no validator walks an unbounded list.
/// </summary>
public static class RepeatedFieldBound
{
    public const int MaxItems = 500;
    public const int MaxTextLength = 1_000_000;

    /// <summary>No text holds U+0000: it is never a person's writing, and PostgreSQL cannot store it.</summary>
    private const string NulMessage = "must not contain a NUL character (U+0000)";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<FieldError> Check(object request) => Check(request, string.Empty, 0);

    private static IEnumerable<FieldError> Check(object value, string path, int depth)
    {
        if (depth > 8)
        {
            yield break;
        }

        foreach (var property in PropertiesOf(value.GetType()))
        {
            var item = property.GetValue(value);
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            switch (item)
            {
                case null:
                    continue;
                case string text when text.Length > MaxTextLength:
                    yield return new FieldError(FieldNames.ToWireName(name), $"must be at most {MaxTextLength} characters");
                    break;
                case string text when text.Contains('\0'):
                    yield return new FieldError(FieldNames.ToWireName(name), NulMessage);
                    break;
                case string:
                    break;
                case ICollection { Count: > MaxItems }:
                    yield return new FieldError(FieldNames.ToWireName(name), $"must hold at most {MaxItems} items");
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var element in list)
                    {
                        if (element is string text && text.Contains('\0'))
                        {
                            yield return new FieldError(FieldNames.ToWireName($"{name}[{index}]"), NulMessage);
                        }
                        else if (element is not null && IsComposite(element.GetType()))
                        {
                            foreach (var error in Check(element, $"{name}[{index}]", depth + 1))
                            {
                                yield return error;
                            }
                        }

                        index++;
                    }

                    break;
                default:
                    if (IsComposite(item.GetType()))
                    {
                        foreach (var error in Check(item, name, depth + 1))
                        {
                            yield return error;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The request's own records (nested inputs), not framework types, enums or primitives.</summary>
    private static bool IsComposite(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("IntegratedCare.", StringComparison.Ordinal) == true;

    private static PropertyInfo[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray());
}
