package io.trainproof.examples.boot;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.completion.CompletionService.CourseCompletion;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.RequirementStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The officer's page, the host's own: each member's standing, a form to record that a member
 * completed the course today (with an issuer configured, the SDK issues the certificate), each
 * certificate's verification link on Trainproof's public page, and a form to revoke it. Every call
 * runs as the signed-in officer, so the audit trail names them. Forms carry Spring Security's CSRF
 * token; pages use only the stylesheet Trainproof's web module serves.
 */
@Controller
class OfficerPages {
  /**
   * Calendar dates in the clinic's zone, written as the certificate and the public page write them.
   */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  /** The SDK refused what the officer asked (its message names the field and value). */
  private static final int UNPROCESSABLE = 422;

  private final Trainproof trainproof;
  private final DemoClinic clinic;

  OfficerPages(Trainproof trainproof, DemoClinic clinic) {
    this.trainproof = trainproof;
    this.clinic = clinic;
  }

  @GetMapping("/")
  ResponseEntity<String> home(CsrfToken csrf) {
    return page(200, null, csrf);
  }

  @PostMapping("/completions")
  ResponseEntity<String> recordCompletion(
      @RequestParam("member") String member, @RequestParam("score") int score, CsrfToken csrf) {
    Actor officer = clinic.officer();
    try {
      trainproof
          .completions()
          .recordForCourse(
              officer,
              CourseCompletion.inApp(
                  Id.parse(member), clinic.course().id(), clinic.today(), score, officer.id()));
    } catch (TrainproofException e) {
      return page(UNPROCESSABLE, e.getMessage(), csrf);
    }
    return seeOther();
  }

  @PostMapping("/certificates/{id}/revoke")
  ResponseEntity<String> revoke(
      @PathVariable("id") String id, @RequestParam("reason") String reason, CsrfToken csrf) {
    try {
      trainproof.certificates().revoke(clinic.officer(), Id.parse(id), reason);
    } catch (TrainproofException e) {
      return page(UNPROCESSABLE, e.getMessage(), csrf);
    }
    return seeOther();
  }

  private static ResponseEntity<String> seeOther() {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/").build();
  }

  private ResponseEntity<String> page(int status, @Nullable String error, CsrfToken csrf) {
    Actor officer = clinic.officer();
    LocalDate today = clinic.today();
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(e(clinic.organization().name()))
        .append(": training</title>")
        .append("<link rel=\"stylesheet\" href=\"/trainproof/assets/trainproof.css\"></head><body>")
        .append("<main><h1>")
        .append(e(clinic.organization().name()))
        .append("</h1><p>Signed in as the compliance officer. Today is ")
        .append(DATE.format(today))
        .append(". <a id=\"dashboard\" href=\"/trainproof/dashboard\">Open the dashboard</a>.</p>");
    if (error != null) {
      html.append("<p id=\"error\" role=\"alert\">").append(e(error)).append("</p>");
    }
    html.append("<h2>Members</h2><table><thead><tr><th>Name</th><th>Standing</th>")
        .append("<th>Due</th><th>Record a completion today</th></tr></thead><tbody>");
    List<WorkforceMember> members =
        trainproof.workforce().list(officer).stream()
            .sorted(Comparator.comparing(WorkforceMember::displayName))
            .toList();
    for (WorkforceMember m : members) {
      List<RequirementStatus> statuses = trainproof.status().forMember(officer, m.id(), today);
      RequirementStatus s = statuses.isEmpty() ? null : statuses.get(0);
      html.append("<tr><td>")
          .append(e(m.displayName()))
          .append("</td><td>")
          .append(s == null ? "nothing owed" : e(s.status().description()))
          .append("</td><td>")
          .append(s == null || s.dueOn() == null ? "" : DATE.format(s.dueOn()))
          .append("</td><td>");
      if (s != null && s.openAssignment() != null) {
        html.append("<form method=\"post\" action=\"/completions\">")
            .append(csrf(csrf))
            .append("<input type=\"hidden\" name=\"member\" value=\"")
            .append(e(m.id().toString()))
            .append("\"><label>Score <input name=\"score\" type=\"number\" min=\"0\" max=\"100\"")
            .append(" value=\"90\" required></label> <button type=\"submit\" data-member=\"")
            .append(e(m.displayName()))
            .append("\">Record completion</button></form>");
      }
      html.append("</td></tr>");
    }
    html.append("</tbody></table><h2>Certificates</h2><table><thead><tr><th>Member</th>")
        .append("<th>Valid until</th><th>Status</th><th>Verify</th><th>Revoke</th></tr>")
        .append("</thead><tbody>");
    for (WorkforceMember m : members) {
      for (Certificate c : trainproof.certificates().forMember(officer, m.id())) {
        html.append("<tr><td>")
            .append(e(m.displayName()))
            .append("</td><td>")
            .append(c.validUntil() == null ? "no end date" : DATE.format(c.validUntil()))
            .append("</td><td>")
            .append(e(status(c)))
            .append("</td><td><a class=\"verify\" href=\"/trainproof/verify?code=")
            .append(e(c.verificationCode()))
            .append("\">")
            .append(e(c.verificationCode()))
            .append("</a></td><td>");
        if (c.status() == Certificate.Status.VALID) {
          html.append("<form method=\"post\" action=\"/certificates/")
              .append(e(c.id().toString()))
              .append("/revoke\">")
              .append(csrf(csrf))
              .append("<label>Reason <input name=\"reason\" required maxlength=\"200\"></label>")
              .append(" <button type=\"submit\">Revoke</button></form>");
        }
        html.append("</td></tr>");
      }
    }
    html.append("</tbody></table><form method=\"post\" action=\"/logout\">")
        .append(csrf(csrf))
        .append("<button type=\"submit\">Sign out</button></form></main></body></html>");
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.toString());
  }

  private static String status(Certificate c) {
    return switch (c.status()) {
      case VALID -> "Valid";
      case REVOKED -> c.statusReason() == null ? "Revoked" : "Revoked: " + c.statusReason();
      case SUPERSEDED -> "Replaced by a renewal";
    };
  }

  private static String csrf(CsrfToken token) {
    return "<input type=\"hidden\" name=\""
        + e(token.getParameterName())
        + "\" value=\""
        + e(token.getToken())
        + "\">";
  }

  private static String e(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
