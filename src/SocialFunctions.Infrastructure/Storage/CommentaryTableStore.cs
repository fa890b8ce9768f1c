using Azure.Data.Tables;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>The <c>commentary</c> table: partition = brand, row = report month (<c>yyyy-MM</c>), the text as sent.</summary>
public sealed class CommentaryTableStore(StorageClients clients) : ICommentaryStore
{
    public const string TableName = "commentary";
    internal const string TextProperty = "Text";

    public async Task<string?> GetAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(brand), month.ToString(), [TextProperty], cancellationToken);
        return result.HasValue && result.Value is { } entity ? entity.GetString(TextProperty) : null;
    }

    public async Task SaveAsync(BrandName brand, ReportMonth month, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(brand), month.ToString()) { [TextProperty] = text };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
