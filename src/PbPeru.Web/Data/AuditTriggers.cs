namespace PbPeru.Web.Data;

/// <summary>
/// The triggers that make <c>AuditEntries</c> append-only in the database itself: an UPDATE or a
/// DELETE (on PostgreSQL also a TRUNCATE) of a line is refused, whoever sends it. The <c>Trust</c>
/// migration of each provider runs them; whoever regenerates that migration must keep the
/// <c>migrationBuilder.Sql(...)</c> lines. (A database owner can still disable a trigger: that is
/// what the hash chain and the published head are for.)
/// </summary>
public static class AuditTriggers
{
    public const string Message = "AuditEntries is append-only";

    public const string PostgresUp = $$"""
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{{Message}}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_update_or_delete ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    public const string SqliteUp = $"""
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, '{Message}: UPDATE refused'); END;
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, '{Message}: DELETE refused'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS audit_entries_no_update;
        DROP TRIGGER IF EXISTS audit_entries_no_delete;
        """;
}
