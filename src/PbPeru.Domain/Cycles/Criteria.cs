namespace PbPeru.Domain.Cycles;

/// <summary>A criterion of the cycle's prioritization matrix: a weight and a scale of levels.</summary>
public sealed class Criterion
{
    private readonly List<ScaleLevel> _levels = [];

    private Criterion()
    {
        Name = "";
        Description = "";
    }

    internal Criterion(int position, CriterionInput input)
    {
        Name = "";
        Description = "";
        Update(position, input);
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    /// <summary>Whole percent; the weights of a cycle's criteria sum to 100.</summary>
    public int WeightPercent { get; private set; }

    public IReadOnlyList<ScaleLevel> Levels => _levels.OrderBy(l => l.Score).ToList();

    internal void Update(int position, CriterionInput input)
    {
        Position = position;
        Name = input.Name;
        Description = input.Description;
        WeightPercent = input.WeightPercent;
        _levels.Clear();
        _levels.AddRange(input.Levels.Select(l => new ScaleLevel(l.Score, l.Descriptor)));
    }
}

/// <summary>One level of a criterion's scale, with the descriptor evaluators read before scoring.</summary>
public sealed class ScaleLevel
{
    private ScaleLevel()
    {
        Descriptor = "";
    }

    internal ScaleLevel(int score, string descriptor)
    {
        Score = score;
        Descriptor = descriptor;
    }

    public int Id { get; private set; }

    public int Score { get; private set; }

    public string Descriptor { get; private set; }
}

public sealed record ScaleLevelInput(int Score, string Descriptor);

public sealed record CriterionInput(string Name, string Description, int WeightPercent, IReadOnlyList<ScaleLevelInput> Levels);

public static class DefaultCriteria
{
    /// <summary>
    /// The criteria DESIGN.md offers as a starting point, on a 0–3 scale. A cycle edits them freely;
    /// they are not law.
    /// </summary>
    public static IReadOnlyList<CriterionInput> All { get; } =
    [
        new("Población beneficiada", "Cuántas personas se benefician directamente del proyecto.", 25,
        [
            new(0, "Menos del 5 % de la población del ámbito."),
            new(1, "Entre el 5 % y el 15 % de la población del ámbito."),
            new(2, "Entre el 15 % y el 30 % de la población del ámbito."),
            new(3, "Más del 30 % de la población del ámbito."),
        ]),
        new("Pobreza y grupos vulnerables", "Atiende a población en pobreza o a grupos vulnerables (niñez, adultos mayores, personas con discapacidad, mujeres víctimas de violencia).", 25,
        [
            new(0, "No se dirige a población pobre ni vulnerable."),
            new(1, "Beneficia en parte a población pobre o vulnerable."),
            new(2, "La mayoría de beneficiarios es población pobre o vulnerable."),
            new(3, "Se dirige principalmente a población en pobreza extrema o grupos vulnerables."),
        ]),
        new("Brecha de servicios básicos", "Cierra una brecha de agua, saneamiento, electricidad, salud, educación o transporte.", 20,
        [
            new(0, "No se relaciona con una brecha de servicios básicos."),
            new(1, "Mejora un servicio existente."),
            new(2, "Amplía la cobertura de un servicio básico."),
            new(3, "Lleva un servicio básico a quien no lo tiene."),
        ]),
        new("Alineamiento con el Plan de Desarrollo Concertado", "Contribuye a los objetivos del Plan de Desarrollo Concertado.", 20,
        [
            new(0, "Sin relación con los objetivos del plan."),
            new(1, "Relación indirecta con un objetivo del plan."),
            new(2, "Contribuye directamente a un objetivo del plan."),
            new(3, "Contribuye a un objetivo prioritario del plan."),
        ]),
        new("Cofinanciamiento", "Parte del costo la aportan otras entidades o la población.", 10,
        [
            new(0, "Sin cofinanciamiento."),
            new(1, "Cofinanciamiento menor al 10 % del costo."),
            new(2, "Cofinanciamiento entre el 10 % y el 30 % del costo."),
            new(3, "Cofinanciamiento mayor al 30 % del costo."),
        ]),
    ];
}
