using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialFunctions.Core.Records;

/// <summary>
/// Reads and writes a primitive (<see cref="BrandName"/>, <see cref="Reporting.ReportMonth"/>, <see cref="Brands.ReportLocale"/>,
/// <see cref="Brands.BrandClock"/>) as its text, through its own parser: JSON refuses exactly what the API refuses, with
/// the same message.
/// </summary>
public sealed class ParsableJsonConverter<T> : JsonConverter<T>
    where T : IParsable<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
        try
        {
            return T.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
