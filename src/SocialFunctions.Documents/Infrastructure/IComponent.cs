namespace SocialFunctions.Documents.Infrastructure;

/// <summary>A reusable part of a document (a report section) that composes itself into elements.</summary>
public interface IComponent
{
    Element Compose();
}
