package io.trainproof.examples.features;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.roster.RosterOptions;
import io.trainproof.integrations.roster.RosterResult;
import io.trainproof.integrations.roster.RosterSync;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * The HR roster as a CSV file (the integrations module): previewed as a dry run, then applied, all
 * or nothing. The same file applied again changes nothing.
 */
public final class RosterImport {
  private RosterImport() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Trainproof trainproof = Trainproof.builder().store(new InMemoryStore()).build();
    Organization clinic =
        trainproof
            .organizations()
            .create(
                Actor.platform("vendor-admin"),
                OrganizationService.NewOrganization.of(
                    "Harbor Dental", ZoneId.of("America/New_York")));
    Actor officer = Actor.complianceOfficer("u-1", clinic.id());
    byte[] csv =
        String.join(
                "\n",
                "external_id,display_name,workforce_type,roles,department,engaged_on,status",
                "HR-1,A. Hygienist,EMPLOYEE,hygienist,Clinic,2026-01-05,ACTIVE",
                "HR-2,B. Front Desk,EMPLOYEE,front-desk,Reception,2026-02-01,ACTIVE",
                "")
            .getBytes(StandardCharsets.UTF_8);
    RosterSync sync = new RosterSync(trainproof);
    RosterResult preview =
        sync.applyCsv(
            officer, "roster.csv", csv, RosterOptions.full(ImportMode.ALL_OR_NOTHING).asDryRun());
    RosterResult applied =
        sync.applyCsv(officer, "roster.csv", csv, RosterOptions.full(ImportMode.ALL_OR_NOTHING));
    RosterResult again =
        sync.applyCsv(officer, "roster.csv", csv, RosterOptions.full(ImportMode.ALL_OR_NOTHING));
    if (!preview.ok()
        || !applied.ok()
        || !again.ok()
        || trainproof.workforce().list(officer).size() != 2) {
      throw new IllegalStateException("the roster did not apply: " + applied.summary());
    }
    System.out.println("Preview: " + preview.summary());
    System.out.println("Applied: " + applied.summary());
    System.out.println("Again:   " + again.summary());
  }
}
