package io.trainproof.core.access;

import io.trainproof.core.ActorRole;
import java.util.Locale;

/**
 * Renders the authorization table of {@link Operation} as Markdown: every operation × role with its
 * scope. {@code docs/AUTHORIZATION.md} is this text; a test regenerates it and fails when the file
 * and the code disagree, so the two cannot drift. Stateless; thread-safe.
 */
public final class AuthorizationTable {
  private AuthorizationTable() {}

  /**
   * @return the table as Markdown, with a heading and a legend
   */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Authorization: every operation × role\n\n");
    sb.append(
        "Generated from `io.trainproof.core.access.Operation` by `AuthorizationTable.markdown()`;\n");
    sb.append("a test fails when this file and the code disagree. Regenerate with\n");
    sb.append(
        "`mvn -pl testkit -am test -Dtest=AuthorizationTableTest -Dtrainproof.regenerateDocs=true`.\n\n");
    sb.append(
        "Scopes: **org** — the whole organization; **team** — the manager's own department and\n");
    sb.append(
        "direct and indirect reports; **self** — the actor's own records; **—** — refused (a typed\n");
    sb.append(
        "`ForbiddenException`, nothing written, the attempt audited). Auditor and vendor-support\n");
    sb.append(
        "reads are themselves audited; vendor support acts only where it holds an explicit,\n");
    sb.append("expiring cross-organization grant, and only reads. The platform belongs to no\n");
    sb.append(
        "organization: only it creates organizations and grants vendor support (never to itself),\n");
    sb.append(
        "and every operation below is refused to it. A refused platform-only call, or a read of\n");
    sb.append(
        "another organization by id, is audited in the caller's organization and in the one it\n");
    sb.append("named.\n\n");
    sb.append("| operation | kind |");
    for (ActorRole role : ActorRole.values()) {
      sb.append(' ').append(role.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |");
    }
    sb.append('\n').append("|---|---|");
    for (int i = 0; i < ActorRole.values().length; i++) {
      sb.append("---|");
    }
    sb.append('\n');
    for (Operation op : Operation.values()) {
      sb.append("| `")
          .append(op.name())
          .append("` | ")
          .append(op.isRead() ? "read" : "write")
          .append(" |");
      for (ActorRole role : ActorRole.values()) {
        sb.append(' ').append(cell(op.scopeFor(role))).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String cell(Scope scope) {
    return switch (scope) {
      case ORGANIZATION -> "org";
      case TEAM -> "team";
      case SELF -> "self";
      case NONE -> "—";
    };
  }
}
