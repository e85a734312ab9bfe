namespace PbPeru.Domain.Cycles;

/// <summary>A theme (eje) of the development plan that proposals belong to.</summary>
public sealed class Theme
{
    private Theme()
    {
        Name = "";
        Description = "";
    }

    internal Theme(int position, string name, string description)
    {
        Position = position;
        Name = name;
        Description = description;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    internal void Update(int position, string name, string description)
    {
        Position = position;
        Name = name;
        Description = description;
    }
}

public sealed record ThemeInput(string Name, string Description);
