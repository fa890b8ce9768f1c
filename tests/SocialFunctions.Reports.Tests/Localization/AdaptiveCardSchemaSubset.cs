using System.Text.Json;

namespace SocialFunctions.Reports.Tests.Localization;

/// <summary>
/// The part of the Adaptive Card 1.5 schema (adaptivecards.io/schemas/adaptive-card.json) that covers the element types
/// our alert uses, hand-encoded: AdaptiveCard, TextBlock, FactSet/Fact, Table/TableColumnDefinition/TableRow/TableCell
/// (Table is new in 1.5) and Action.OpenUrl. It checks required properties, property names (no unknown ones), JSON types
/// and enum values. It does NOT check elements we do not emit, host-specific rendering, or markdown inside text.
/// </summary>
public static class AdaptiveCardSchemaSubset
{
    private static readonly string[] Sizes = ["default", "small", "medium", "large", "extraLarge"];
    private static readonly string[] Weights = ["default", "lighter", "bolder"];
    private static readonly string[] Colors = ["default", "dark", "light", "accent", "good", "warning", "attention"];
    private static readonly string[] Versions = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"];

    public static IReadOnlyList<string> Validate(JsonElement card)
    {
        var errors = new List<string>();
        Object(card, "$", errors, required: ["type", "version"], allowed: ["type", "version", "$schema", "body", "actions", "msteams", "fallbackText", "speak", "lang"]);
        Const(card, "type", "AdaptiveCard", "$", errors);
        Enum(card, "version", Versions, "$", errors, caseSensitive: true);
        if (card.TryGetProperty("body", out var body))
        {
            Elements(body, "$.body", errors);
        }

        if (card.TryGetProperty("actions", out var actions))
        {
            Each(actions, "$.actions", errors, (a, p) =>
            {
                Object(a, p, errors, required: ["type", "url"], allowed: ["type", "url", "title", "iconUrl", "id", "style", "fallback", "tooltip", "isEnabled", "mode"]);
                Const(a, "type", "Action.OpenUrl", p, errors);
                if (a.TryGetProperty("url", out var url) && (url.ValueKind != JsonValueKind.String || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out _)))
                {
                    errors.Add($"{p}.url: must be an absolute URI");
                }

                Type(a, "title", JsonValueKind.String, p, errors);
            });
        }

        return errors;
    }

    private static void Elements(JsonElement array, string path, List<string> errors) => Each(array, path, errors, (e, p) =>
    {
        var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "TextBlock":
                Object(e, p, errors, required: ["type", "text"], allowed: ["type", "text", "wrap", "size", "weight", "color", "isSubtle", "maxLines", "horizontalAlignment", "spacing", "separator", "id", "fontType", "style"]);
                Type(e, "text", JsonValueKind.String, p, errors);
                Enum(e, "size", Sizes, p, errors);
                Enum(e, "weight", Weights, p, errors);
                Enum(e, "color", Colors, p, errors);
                Bool(e, "wrap", p, errors);
                Bool(e, "isSubtle", p, errors);
                break;
            case "FactSet":
                Object(e, p, errors, required: ["type", "facts"], allowed: ["type", "facts", "spacing", "separator", "id"]);
                Each(e.GetProperty("facts"), p + ".facts", errors, (f, fp) =>
                {
                    Object(f, fp, errors, required: ["title", "value"], allowed: ["title", "value"]);
                    Type(f, "title", JsonValueKind.String, fp, errors);
                    Type(f, "value", JsonValueKind.String, fp, errors);
                });
                break;
            case "Table":
                Object(e, p, errors, required: ["type"], allowed: ["type", "columns", "rows", "firstRowAsHeader", "showGridLines", "gridStyle", "horizontalCellContentAlignment", "verticalCellContentAlignment", "spacing", "separator", "id"]);
                Bool(e, "firstRowAsHeader", p, errors);
                Bool(e, "showGridLines", p, errors);
                var columnCount = -1;
                if (e.TryGetProperty("columns", out var columns))
                {
                    columnCount = columns.ValueKind == JsonValueKind.Array ? columns.GetArrayLength() : -1;
                    Each(columns, p + ".columns", errors, (c, cp) =>
                    {
                        Object(c, cp, errors, required: [], allowed: ["width", "horizontalCellContentAlignment", "verticalCellContentAlignment"]);
                        if (c.TryGetProperty("width", out var w) && w.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                        {
                            errors.Add($"{cp}.width: must be a number or a string");
                        }
                    });
                }

                if (e.TryGetProperty("rows", out var rows))
                {
                    Each(rows, p + ".rows", errors, (r, rp) =>
                    {
                        Object(r, rp, errors, required: ["type"], allowed: ["type", "cells", "style", "horizontalCellContentAlignment", "verticalCellContentAlignment"]);
                        Const(r, "type", "TableRow", rp, errors);
                        if (!r.TryGetProperty("cells", out var cells))
                        {
                            return;
                        }

                        if (columnCount >= 0 && cells.ValueKind == JsonValueKind.Array && cells.GetArrayLength() > columnCount)
                        {
                            errors.Add($"{rp}.cells: {cells.GetArrayLength()} cells but {columnCount} columns");
                        }

                        Each(cells, rp + ".cells", errors, (c, cp) =>
                        {
                            Object(c, cp, errors, required: ["type", "items"], allowed: ["type", "items", "style", "verticalContentAlignment", "minHeight", "selectAction"]);
                            Const(c, "type", "TableCell", cp, errors);
                            Elements(c.GetProperty("items"), cp + ".items", errors);
                        });
                    });
                }

                break;
            default:
                errors.Add($"{p}.type: '{type}' is not an element type this subset knows");
                break;
        }
    });

    private static void Each(JsonElement array, string path, List<string> errors, Action<JsonElement, string> check)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: must be an array");
            return;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            check(item, $"{path}[{i++}]");
        }
    }

    private static void Object(JsonElement e, string path, List<string> errors, string[] required, string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object");
            return;
        }

        errors.AddRange(required.Where(r => !e.TryGetProperty(r, out _)).Select(r => $"{path}: required property '{r}' is missing"));
        errors.AddRange(e.EnumerateObject().Where(p => !allowed.Contains(p.Name)).Select(p => $"{path}.{p.Name}: property not allowed here"));
    }

    private static void Const(JsonElement e, string name, string value, string path, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.GetString() != value)
        {
            errors.Add($"{path}.{name}: must be '{value}'");
        }
    }

    private static void Enum(JsonElement e, string name, string[] values, string path, List<string> errors, bool caseSensitive = false)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return;
        }

        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        if (v.ValueKind != JsonValueKind.String || !values.Contains(v.GetString(), comparer))
        {
            errors.Add($"{path}.{name}: '{v}' is not one of {string.Join(", ", values)}");
        }
    }

    private static void Type(JsonElement e, string name, JsonValueKind kind, string path, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != kind)
        {
            errors.Add($"{path}.{name}: must be {kind}");
        }
    }

    private static void Bool(JsonElement e, string name, string path, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{path}.{name}: must be a boolean");
        }
    }
}
