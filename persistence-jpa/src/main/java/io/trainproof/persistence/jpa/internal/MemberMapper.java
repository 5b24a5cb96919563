package io.trainproof.persistence.jpa.internal;

import static io.trainproof.persistence.jpa.internal.Mapper.id;
import static io.trainproof.persistence.jpa.internal.Mapper.idOf;
import static io.trainproof.persistence.jpa.internal.Mapper.idOrder;
import static io.trainproof.persistence.jpa.internal.Mapper.sync;
import static io.trainproof.persistence.jpa.internal.Mapper.uuid;

import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps organizations and workforce members (with their terms history) between core's records and
 * the JPA entities. Stateless; thread-safe.
 */
final class MemberMapper {
  private MemberMapper() {}

  // --- organization ------------------------------------------------------------------

  static OrganizationEntity toEntity(Organization o) {
    OrganizationEntity e = new OrganizationEntity(o.id().value());
    e.name = o.name();
    e.zone = o.zone().getId();
    e.retention = o.retention().toString();
    e.createdAt = o.createdAt();
    return e;
  }

  static Organization organization(OrganizationEntity e) {
    return new Organization(
        idOf(e.id), e.name, ZoneId.of(e.zone), Period.parse(e.retention), e.createdAt);
  }

  // --- member ------------------------------------------------------------------------

  static MemberEntity toEntity(WorkforceMember m) {
    MemberEntity e = new MemberEntity(m.id().value());
    e.orgId = m.organization().value();
    e.idOrder = idOrder(m.id().value());
    apply(m, e);
    return e;
  }

  static void apply(WorkforceMember m, MemberEntity e) {
    e.externalId = m.externalId();
    e.displayName = m.displayName();
    e.engagedOn = m.engagedOn();
    sync(e.history, m.history().stream().map(MemberMapper::row).toList());
  }

  private static MemberEntity.Terms row(MemberTerms t) {
    return new MemberEntity.Terms(
        t.effectiveFrom(),
        t.type().name(),
        JsonText.strings(t.roles()),
        t.department(),
        uuid(t.manager()),
        t.status().name());
  }

  static WorkforceMember member(MemberEntity e) {
    List<MemberTerms> history = new ArrayList<>();
    for (MemberEntity.Terms t : e.history) {
      history.add(
          new MemberTerms(
              t.effectiveFrom(),
              WorkforceType.valueOf(t.type()),
              Set.copyOf(JsonText.parseStrings(t.roles())),
              t.department(),
              id(t.manager()),
              MemberStatus.valueOf(t.status())));
    }
    return new WorkforceMember(
        idOf(e.id), idOf(e.orgId), e.externalId, e.displayName, e.engagedOn, history, e.version);
  }
}
