package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.Store;
import io.trainproof.signing.credential.VerificationCode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.status.StatusBitstring;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter under a real {@link Trainproof} on the in-memory store: sign → store → load → verify,
 * revocation, supersession by a renewal, sealed attestations, two nodes on one store.
 */
class SigningCredentialIssuerTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String DID = "did:web:trainproof.example.org:org:clinic";
  static final String STATUS_BASE = "https://trainproof.example.org/status";
  static final LocalDate RULES_FROM = LocalDate.of(2025, 1, 1);

  SettableClock clock;
  SigningKey key;
  IssuerKeyHistory history;
  InMemoryStore store;
  Trainproof tp;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZONE).toInstant());
    key =
        SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", Fixture.deterministicRandom(11));
    history =
        IssuerKeyHistory.start(
            DID, key.keyId(), key.publicKey(), Instant.parse("2026-01-01T00:00:00Z"));
    store = new InMemoryStore();
    tp = node(store, adapter(Cryptosuite.EDDSA_JCS_2022));
    fx = Fixtures.organization(tp, ZONE);
  }

  SigningCredentialIssuer adapter(Cryptosuite suite) {
    OrganizationIssuer issuer =
        OrganizationIssuer.of(
            history, new InMemoryKeyProvider().add(key), "https://clinic.example.org");
    return SigningCredentialIssuer.builder()
        .issuers(org -> issuer)
        .statusListBaseUrl(STATUS_BASE + "/")
        .cryptosuite(suite)
        .clock(clock)
        .build();
  }

  Trainproof node(Store shared, SigningCredentialIssuer adapter) {
    return Trainproof.builder().store(shared).clock(clock).credentialIssuer(adapter).build();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  void moveTo(LocalDate date) {
    clock.set(date.atTime(9, 0).atZone(ZONE).toInstant());
  }

  Course annualCourse() {
    Course course = fx.course("HIPAA-101");
    fx.requirement(
        "Annual privacy training",
        Fixtures.terms(course, RULES_FROM)
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(60))
            .build());
    return course;
  }

  static void complete(Trainproof node, Fixtures fx, WorkforceMember m, LocalDate on, int score) {
    Assignment open =
        node.assignments().forMember(fx.officer(), m.id()).stream()
            .filter(Assignment::isOpen)
            .findFirst()
            .orElseThrow();
    node.completions()
        .record(fx.officer(), CompletionService.Request.inApp(open.id(), on, score, "officer-1"));
  }

  /** What an outside verifier holds: the key history and the status lists as published now. */
  CredentialVerifier verifierNow(Trainproof node) {
    TrustBundle bundle =
        TrustBundle.of(
            List.of(history),
            List.of(
                node.certificates()
                    .statusListCredential(fx.officer(), CertificateService.REVOCATION),
                node.certificates()
                    .statusListCredential(fx.officer(), CertificateService.SUPERSEDED)));
    // why: through the bundle's JSON form, as a verifier would load it from a file
    return new CredentialVerifier(TrustBundle.fromJson(bundle.toJson()), clock);
  }

  @Test
  void certificateIsSignedStoredLoadedAndVerifiesOffline() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);

    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    VerificationResult result = verifierNow(tp).verify(cert.credentialJson());

    assertThat(result.verified()).as(result.toString()).isTrue();
    assertThat(result.checks())
        .extracting(c -> c.kind())
        .contains(
            CheckKind.PROOF,
            CheckKind.KEY_VALIDITY,
            CheckKind.ISSUER_TRUSTED,
            CheckKind.VALIDITY_PERIOD,
            CheckKind.REVOCATION,
            CheckKind.SUPERSESSION);
    assertThat(result.checks()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(result.credentialId()).isEqualTo(cert.credentialId());
  }

  @Test
  void certificateIsAnOpenBadgeWithBothStatusEntriesAtCoresIndexAndNoPhi() {
    Course course = annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    JsonNode vc = StrictJson.parse(cert.credentialJson());

    assertThat(vc.get("type").toString())
        .isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
    assertThat(vc.get("id").asText())
        .isEqualTo(cert.credentialId())
        .isEqualTo("urn:uuid:" + cert.id());
    assertThat(vc.at("/issuer/id").asText()).isEqualTo(DID);
    assertThat(vc.at("/issuer/name").asText()).isEqualTo(fx.org().name());
    assertThat(vc.at("/credentialSubject/identifier/0/identityHash").asText())
        .isEqualTo(nurse.id().toString());
    assertThat(vc.at("/credentialSubject/identifier/0/identityType").asText())
        .isEqualTo("systemId");
    assertThat(vc.at("/credentialSubject/achievement/id").asText())
        .isEqualTo("urn:trainproof:achievement:HIPAA-101:" + cert.courseVersion());
    assertThat(vc.at("/credentialSubject/achievement/name").asText()).isEqualTo(course.title());
    // valid from the start of the completion day to the end of the last valid day, in the org's
    // zone
    assertThat(cert.validUntil()).isEqualTo(today().plusYears(1));
    assertThat(vc.get("validFrom").asText())
        .isEqualTo(today().atStartOfDay(ZONE).toInstant().toString());
    assertThat(vc.get("validUntil").asText())
        .isEqualTo(cert.validUntil().plusDays(1).atStartOfDay(ZONE).toInstant().toString());
    String index = Integer.toString(cert.statusIndex());
    String base = STATUS_BASE + "/" + fx.org().id();
    assertThat(vc.at("/credentialStatus/0/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(vc.at("/credentialStatus/0/statusListIndex").asText()).isEqualTo(index);
    assertThat(vc.at("/credentialStatus/0/statusListCredential").asText())
        .isEqualTo(base + "/revocation");
    assertThat(vc.at("/credentialStatus/1/statusPurpose").asText()).isEqualTo("superseded");
    assertThat(vc.at("/credentialStatus/1/statusListIndex").asText()).isEqualTo(index);
    assertThat(vc.at("/credentialStatus/1/statusListCredential").asText())
        .isEqualTo(base + "/superseded");
    assertThat(vc.at("/proof/cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertThat(vc.at("/proof/verificationMethod").asText()).isEqualTo(key.keyId());
    // no name, employee number or department of the member anywhere in the credential
    assertThat(cert.credentialJson()).doesNotContain(nurse.latestTerms().department());
    assertThat(cert.credentialJson()).doesNotContain("Member 1").doesNotContain("EMP-1");
  }

  @Test
  void verificationCodeOnTheRecordIsTheCredentialsCode() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);

    String credentialId = StrictJson.parse(cert.credentialJson()).get("id").asText();
    assertThat(cert.verificationCode()).isEqualTo(VerificationCode.forCredentialId(credentialId));
    assertThat(
            VerificationCode.matches(
                cert.verificationCode().toLowerCase(Locale.ROOT), credentialId))
        .isTrue();
    assertThat(tp.certificates().findByCode(fx.officer(), cert.verificationCode()))
        .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(cert.id()));
  }

  @Test
  void revokedInTheStoreIsReportedRevokedOnceTheListIsRebuilt() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    CredentialVerifier before = verifierNow(tp);

    clock.advance(Duration.ofDays(3));
    Certificate revoked =
        tp.certificates().revoke(fx.officer(), cert.id(), "completed under another member's login");

    assertThat(revoked.status()).isEqualTo(Certificate.Status.REVOKED);
    assertThat(revoked.statusReason()).isEqualTo("completed under another member's login");
    assertThat(revoked.credentialJson()).isEqualTo(cert.credentialJson());
    // a verifier holding the old list does not know yet; the rebuilt list tells it
    assertThat(before.verify(cert.credentialJson()).verified()).isTrue();
    VerificationResult after = verifierNow(tp).verify(revoked.credentialJson());
    assertThat(after.verified()).isFalse();
    assertThat(after.failureReasons()).containsExactly(FailureReason.REVOKED);
    assertThat(after.checks(CheckKind.SUPERSESSION))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
    // the list carries the bit only, never the reason
    String list =
        tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION);
    assertThat(list).doesNotContain("login");
    assertThat(setBits(list)).containsExactly(cert.statusIndex());
  }

  @Test
  void renewalSupersedesTheFirstCertificateAndTheNewOneVerifies() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    LocalDate due = today().plusYears(1);

    moveTo(due.minusDays(30));
    assertThat(tp.scheduler().sweep().created()).isEqualTo(1);
    complete(tp, fx, nurse, today(), 88);

    List<Certificate> certs = tp.certificates().forMember(fx.officer(), nurse.id());
    assertThat(certs).hasSize(2);
    Certificate first =
        certs.stream()
            .filter(c -> c.status() == Certificate.Status.SUPERSEDED)
            .findFirst()
            .orElseThrow();
    Certificate renewal =
        certs.stream()
            .filter(c -> c.status() == Certificate.Status.VALID)
            .findFirst()
            .orElseThrow();
    assertThat(first.statusReason()).isEqualTo(renewal.id().toString());
    assertThat(renewal.statusIndex()).isNotEqualTo(first.statusIndex());

    CredentialVerifier verifier = verifierNow(tp);
    VerificationResult old = verifier.verify(first.credentialJson());
    assertThat(old.failureReasons()).containsExactly(FailureReason.SUPERSEDED);
    assertThat(old.checks(CheckKind.REVOCATION))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
    VerificationResult current = verifier.verify(renewal.credentialJson());
    assertThat(current.verified()).as(current.toString()).isTrue();
    assertThat(
            setBits(
                tp.certificates()
                    .statusListCredential(fx.officer(), CertificateService.SUPERSEDED)))
        .containsExactly(first.statusIndex());
    assertThat(
            setBits(
                tp.certificates()
                    .statusListCredential(fx.officer(), CertificateService.REVOCATION)))
        .isEmpty();
  }

  @Test
  void certificateExpiresAfterItsLastValidDay() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    LocalDate lastDay = cert.validUntil();

    clock.set(lastDay.atTime(23, 59, 59).atZone(ZONE).toInstant());
    assertThat(verifierNow(tp).verify(cert.credentialJson()).verified()).isTrue();
    clock.set(lastDay.plusDays(1).atStartOfDay(ZONE).toInstant());
    assertThat(verifierNow(tp).verify(cert.credentialJson()).failureReasons())
        .containsExactly(FailureReason.EXPIRED);
  }

  @Test
  void attestationIsSealedWithStatementAndPolicyTextHashesAndAnyChangeFailsVerification() {
    Policy privacy = fx.policy("PRIV", RULES_FROM);
    PolicyVersion version = tp.policies().versions(fx.officer(), privacy.id()).get(0);
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    Attestation requested =
        tp.attestations().request(fx.officer(), nurse.id(), version.id(), today().plusDays(14));
    Actor self = new Actor("user-77", ActorRole.MEMBER, fx.org().id(), nurse.id());
    String statement = "I have read and understood the Privacy policy, version 1.";

    Attestation attested =
        tp.attestations()
            .record(
                self,
                new AttestationService.Submission(
                    requested.id(), statement, AttestationMethod.CLICK_THROUGH, null, null));

    Attestation.Evidence evidence = attested.evidence();
    assertThat(evidence).isNotNull();
    String json = evidence.credentialJson();
    assertThat(json).isNotNull();
    assertThat(evidence.credentialId()).isEqualTo("urn:uuid:" + attested.id());
    JsonNode vc = StrictJson.parse(json);
    assertThat(vc.get("type").toString())
        .isEqualTo("[\"VerifiableCredential\",\"PolicyAttestationCredential\"]");
    assertThat(vc.get("issuer").asText()).isEqualTo(DID);
    JsonNode subject = vc.get("credentialSubject");
    assertThat(subject.get("memberId").asText()).isEqualTo(nurse.id().toString());
    assertThat(subject.get("policyId").asText()).isEqualTo("PRIV");
    assertThat(subject.get("policyVersion").asText()).isEqualTo("1");
    assertThat(subject.get("statementHash").asText())
        .isEqualTo(Fixtures.sha256(statement))
        .isEqualTo(evidence.statementSha256());
    assertThat(subject.get("policyTextHash").asText()).isEqualTo(version.textSha256());
    assertThat(subject.get("attestationMethod").asText()).isEqualTo("click-through");
    assertThat(json).doesNotContain(statement);

    // the attestation is read back from the store, then verified offline
    String stored =
        tp.attestations()
            .forMember(fx.officer(), nurse.id(), today())
            .get(0)
            .attestation()
            .evidence()
            .credentialJson();
    assertThat(stored).isEqualTo(json);
    CredentialVerifier verifier = verifierNow(tp);
    VerificationResult result = verifier.verify(stored);
    assertThat(result.verified()).as(result.toString()).isTrue();

    String hash = subject.get("statementHash").asText();
    char last = hash.charAt(hash.length() - 1);
    String changedHash = hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0');
    ObjectNode tampered = (ObjectNode) StrictJson.parse(stored);
    ((ObjectNode) tampered.get("credentialSubject")).put("statementHash", changedHash);
    VerificationResult forged = verifier.verify(StrictJson.write(tampered));
    assertThat(forged.verified()).isFalse();
    assertThat(forged.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo(FailureReason.TAMPERED_CONTENT));
    // why: with its only proof failed, the issuer check also reports that no valid proof is the
    // issuer's
    assertThat(forged.failureReasons())
        .contains(FailureReason.TAMPERED_CONTENT)
        .doesNotContain(FailureReason.UNKNOWN_ISSUER, FailureReason.REVOKED);
  }

  @Test
  void twoNodesOnOneStoreIssueDistinctIndexesAndPublishTheSameLists() {
    Trainproof nodeB = node(store, adapter(Cryptosuite.EDDSA_JCS_2022));
    annualCourse();
    List<Certificate> issued = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Trainproof node = i % 2 == 0 ? tp : nodeB;
      WorkforceMember m = fx.hire(today(), "ICU", "nurse");
      complete(node, fx, m, today(), 90);
      issued.addAll(node.certificates().forMember(fx.officer(), m.id()));
    }

    Set<Integer> indexes = new HashSet<>();
    issued.forEach(c -> indexes.add(c.statusIndex()));
    assertThat(issued).hasSize(24);
    assertThat(indexes).hasSize(24);
    for (Certificate c : issued) {
      assertThat(
              StrictJson.parse(c.credentialJson())
                  .at("/credentialStatus/0/statusListIndex")
                  .asText())
          .isEqualTo(Integer.toString(c.statusIndex()));
    }
    tp.certificates().revoke(fx.officer(), issued.get(3).id(), "wrong course version");
    // either node signs the same list from the store's state (Ed25519 is deterministic)
    assertThat(
            nodeB.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION))
        .isEqualTo(
            tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION));
    CredentialVerifier verifier = verifierNow(nodeB);
    for (int i = 0; i < issued.size(); i++) {
      VerificationResult r = verifier.verify(issued.get(i).credentialJson());
      if (i == 3) {
        assertThat(r.failureReasons()).containsExactly(FailureReason.REVOKED);
      } else {
        assertThat(r.verified()).as(r.toString()).isTrue();
      }
    }
  }

  @Test
  void concurrentCompletionsOnTwoNodesGetDistinctIndexesAndAllVerify() throws Exception {
    SigningCredentialIssuer adapterB = adapter(Cryptosuite.EDDSA_JCS_2022);
    Trainproof nodeB = node(store, adapterB);
    annualCourse();
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      members.add(fx.hire(today(), "ICU", "nurse"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        Trainproof node = i % 2 == 0 ? tp : nodeB;
        WorkforceMember m = members.get(i);
        work.add(pool.submit(() -> complete(node, fx, m, today(), 95)));
        // the adapter itself, called from many threads at once, outside any transaction
        work.add(
            pool.submit(
                () ->
                    adapterB.statusListCredential(fx.org().id(), "revocation", List.of(1, 2, 3))));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Certificate> issued = new ArrayList<>();
    members.forEach(m -> issued.addAll(tp.certificates().forMember(fx.officer(), m.id())));
    assertThat(issued).hasSize(40);
    assertThat(issued.stream().map(Certificate::statusIndex).distinct().count()).isEqualTo(40);
    CredentialVerifier verifier = verifierNow(tp);
    assertThat(issued)
        .allSatisfy(c -> assertThat(verifier.verify(c.credentialJson()).verified()).isTrue());
  }

  @Test
  void rdfcSuiteRoundTripsThroughTheStore() {
    Trainproof rdfc = node(store, adapter(Cryptosuite.EDDSA_RDFC_2022));
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(rdfc, fx, nurse, today(), 92);
    Certificate cert = rdfc.certificates().forMember(fx.officer(), nurse.id()).get(0);

    assertThat(StrictJson.parse(cert.credentialJson()).at("/proof/cryptosuite").asText())
        .isEqualTo("eddsa-rdfc-2022");
    VerificationResult result = verifierNow(rdfc).verify(cert.credentialJson());
    assertThat(result.verified()).as(result.toString()).isTrue();
  }

  @Test
  void statusListsCarryAValidityAfterWhichTheVerifierRefusesThem() {
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    complete(tp, fx, nurse, today(), 92);
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    Id<Organization> org = fx.org().id();

    JsonNode list =
        StrictJson.parse(
            adapter(Cryptosuite.EDDSA_JCS_2022)
                .statusListCredential(org, "revocation", List.of())
                .json());
    Instant from = Instant.parse(list.get("validFrom").asText());
    assertThat(from).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    assertThat(Instant.parse(list.get("validUntil").asText()))
        .isEqualTo(from.plus(Duration.ofDays(7)));
    JsonNode short6h =
        StrictJson.parse(
            SigningCredentialIssuer.builder()
                .issuers(
                    o -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key), null))
                .statusListBaseUrl(STATUS_BASE)
                .statusListValidity(Duration.ofHours(6))
                .clock(clock)
                .build()
                .statusListCredential(org, "superseded", List.of())
                .json());
    assertThat(Instant.parse(short6h.get("validUntil").asText()))
        .isEqualTo(from.plus(Duration.ofHours(6)));
    assertThatThrownBy(() -> SigningCredentialIssuer.builder().statusListValidity(Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("statusListValidity");

    // one verifier, holding the lists of today, as its clock moves on
    CredentialVerifier verifier = verifierNow(tp);
    clock.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(verifier.verify(cert.credentialJson()).verified()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    VerificationResult stale = verifier.verify(cert.credentialJson());
    assertThat(stale.failureReasons()).containsExactly(FailureReason.STALE_STATUS_LIST);
    assertThat(stale.checks(CheckKind.REVOCATION).get(0).detail()).contains("was valid until");
  }

  @Test
  void statusListHasExactlyTheGivenBits() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    Id<Organization> org = fx.org().id();
    List<Integer> set = List.of(0, 7, 8, 65_535, 131_071, 7);

    CredentialIssuer.Issued issued = adapter.statusListCredential(org, "revocation", set);
    String json = issued.json();
    assertThat(issued.credentialId()).isEqualTo(STATUS_BASE + "/" + org + "/revocation");
    assertThat(issued.verificationMethod()).isEqualTo(DID + "#key-1");

    assertThat(setBits(json)).containsExactly(0, 7, 8, 65_535, 131_071);
    JsonNode vc = StrictJson.parse(json);
    assertThat(vc.get("id").asText()).isEqualTo(STATUS_BASE + "/" + org + "/revocation");
    assertThat(vc.get("issuer").asText()).isEqualTo(DID);
    assertThat(vc.at("/credentialSubject/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(setBits(adapter.statusListCredential(org, "superseded", List.of()).json()))
        .isEmpty();
    assertThatThrownBy(() -> adapter.statusListCredential(org, "suspension", List.of()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> adapter.statusListCredential(org, "revocation", List.of(131_072)))
        .isInstanceOf(ValidationException.class);
    assertThat(adapter.statusListSize()).isEqualTo(StatusBitstring.MIN_SIZE);
  }

  @Test
  void refusesToSignWithARetiredKeyOrForAnUnknownOrganization() {
    SigningKey key2 =
        SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-2", Fixture.deterministicRandom(12));
    IssuerKeyHistory rotated =
        history.rotate(key2.keyId(), key2.publicKey(), clock.instant().minusSeconds(60));
    OrganizationIssuer stale = new OrganizationIssuer(rotated, key, null);
    SigningCredentialIssuer adapter =
        SigningCredentialIssuer.builder()
            .issuers(org -> org.equals(fx.org().id()) ? stale : null)
            .statusListBaseUrl(STATUS_BASE)
            .clock(clock)
            .build();

    assertThatThrownBy(() -> adapter.statusListCredential(fx.org().id(), "revocation", List.of()))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining("key-1");
    assertThatThrownBy(() -> adapter.statusListCredential(Id.random(), "revocation", List.of()))
        .isInstanceOf(SigningFailedException.class);
    assertThatThrownBy(() -> new OrganizationIssuer(history, key2, null))
        .isInstanceOf(ValidationException.class);
    assertThat(OrganizationIssuer.of(rotated, new InMemoryKeyProvider().add(key2)).signer().keyId())
        .isEqualTo(key2.keyId());
  }

  @Test
  void aFailedSigningIssuesNothing() {
    Trainproof broken =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .credentialIssuer(
                SigningCredentialIssuer.builder()
                    .issuers(org -> null)
                    .statusListBaseUrl(STATUS_BASE)
                    .clock(clock)
                    .build())
            .build();
    annualCourse();
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");

    assertThatThrownBy(() -> complete(broken, fx, nurse, today(), 92))
        .isInstanceOf(SigningFailedException.class);

    assertThat(tp.certificates().forMember(fx.officer(), nurse.id())).isEmpty();
    assertThat(tp.completions().forMember(fx.officer(), nurse.id())).isEmpty();
  }

  static Set<Integer> setBits(String statusListCredentialJson) {
    StatusBitstring bits =
        StatusBitstring.decode(
            StrictJson.parse(statusListCredentialJson)
                .at("/credentialSubject/encodedList")
                .asText());
    Set<Integer> set = new TreeSet<>();
    for (int i = 0; i < bits.size(); i++) {
      if (bits.get(i)) {
        set.add(i);
      }
    }
    return set;
  }
}
