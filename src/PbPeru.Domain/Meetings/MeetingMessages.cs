namespace PbPeru.Domain.Common;

/// <summary>Messages of meetings: agenda, guests, minutes, agreements, attachments.</summary>
public static partial class Messages
{
    public static readonly Text MeetingAgendaTooLong = new("La agenda tiene como máximo {0} caracteres.", "The agenda has at most {0} characters.");
    public static readonly Text MeetingMinutesTooLong = new("El acta tiene como máximo {0} caracteres.", "The minutes have at most {0} characters.");
    public static readonly Text MeetingTooManyAgreements = new("Se registran como máximo {0} acuerdos por reunión.", "At most {0} agreements per meeting.");
    public static readonly Text MeetingAgreementTooLong = new(
        "El acuerdo {0} es demasiado largo: cada acuerdo tiene como máximo {1} caracteres.",
        "Agreement {0} is too long: each agreement has at most {1} characters.");
    public static readonly Text MeetingGuestInvalid = new(
        "El nombre del asistente es obligatorio (hasta {0} caracteres) y el cargo tiene como máximo {1}.",
        "The attendee's name is required (up to {0} characters) and the office has at most {1}.");
    public static readonly Text MeetingGuestUbigeoInvalid = new("El ubigeo del gobierno debe tener 6 dígitos.", "The government's ubigeo must have 6 digits.");
    public static readonly Text MeetingTooManyGuests = new("Se registran como máximo {0} invitados por reunión.", "At most {0} guests per meeting.");
    public static readonly Text MeetingGuestUnknown = new("Ese asistente ya no figura en la reunión.", "That attendee is no longer recorded at the meeting.");
    public static readonly Text MeetingTooManyDocuments = new("Se adjuntan como máximo {0} archivos por reunión.", "At most {0} files per meeting.");
    public static readonly Text MeetingNotOfCycle = new(
        "Esa reunión no pertenece a este ciclo.", "That meeting does not belong to this cycle.");
    public static readonly Text AgentOfAnotherCycle = new(
        "{0} es agente de otro ciclo: su asistencia no se registra en esta reunión.",
        "{0} is an agent of another cycle: their attendance is not recorded at this meeting.");
    public static readonly Text AgentNotAccreditedNamed = new(
        "{0} no está acreditado como agente participante: no se registra su asistencia.",
        "{0} is not accredited as a participatory agent: their attendance is not recorded.");
}
