namespace PbPeru.Domain.Cycles;

/// <summary>
/// Where a cycle stands. <see cref="Draft"/> is the cycle being configured before its call opens;
/// then the four phases of the law, then the published results and the closed cycle.
/// </summary>
public enum Phase
{
    Draft = 0,
    Preparation = 1,
    Concertation = 2,
    Coordination = 3,
    Formalization = 4,
    Published = 5,
    Closed = 6,
}
