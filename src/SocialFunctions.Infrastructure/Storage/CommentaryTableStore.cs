using Azure.Data.Tables;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>The <c>commentary</c> table: partition = brand, row = report month (<c>yyyy-MM</c>), the text as sent.</summary>
public sealed class CommentaryTableStore(StorageClients clients) : ICommentaryStore
{
    public const string TableName = "commentary";
    internal const string TextProperty = "Text";

    public async Task<string?> GetAsync(string brand, string month, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(brand), TableKeys.Escape(month), [TextProperty], cancellationToken);
        return result.HasValue && result.Value is { } entity ? entity.GetString(TextProperty) : null;
    }

    public async Task SaveAsync(string brand, string month, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(brand), TableKeys.Escape(month)) { [TextProperty] = text };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
