package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.MemberRepository;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Workforce members in the JPA store: bulk hires as multi-row inserts, and the daily sweep's claim.
 * Not thread-safe: bound to one transaction.
 */
final class JpaMemberRepository implements MemberRepository {
  private static final String[] MEMBER_COLUMNS = {
    "id", "org_id", "external_id", "id_order", "display_name", "engaged_on", "version"
  };
  private static final String[] TERMS_COLUMNS = {
    "org_id",
    "member_id",
    "seq",
    "effective_from",
    "workforce_type",
    "roles",
    "department",
    "manager_id",
    "status"
  };

  private final JpaSession session;

  JpaMemberRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public WorkforceMember insert(WorkforceMember member) {
    if (findByExternalId(member.organization(), member.externalId()).isPresent()) {
      throw new ConflictException(
          "WorkforceMember", "externalId=" + member.externalId(), "external id already exists");
    }
    if (session.exists(MemberEntity.class, member.organization(), member.id())) {
      throw new ConflictException("WorkforceMember", member.id(), "id already exists");
    }
    MemberEntity e = MemberMapper.toEntity(member);
    session.persistAndFlush(e, "WorkforceMember", "externalId=" + member.externalId());
    return MemberMapper.member(e);
  }

  @Override
  public List<WorkforceMember> insertAll(List<WorkforceMember> members) {
    if (members.isEmpty()) {
      return List.of();
    }
    Map<UUID, Set<String>> externalIds = new LinkedHashMap<>();
    Map<UUID, List<UUID>> ids = new LinkedHashMap<>();
    boolean repeated = false;
    for (WorkforceMember m : members) {
      repeated |=
          !externalIds
              .computeIfAbsent(m.organization().value(), o -> new LinkedHashSet<>())
              .add(m.externalId());
      ids.computeIfAbsent(m.organization().value(), o -> new ArrayList<>()).add(m.id().value());
    }
    if (repeated) {
      // why: the multi-row path below checks keys against stored rows only, so a list that
      // repeats an external id (core never sends one) takes insert one by one, which gives
      // the SPI's outcome exactly: the repeat conflicts as a taken external id, naming it
      return MemberRepository.super.insertAll(members);
    }
    return JpaSession.guard(
        "WorkforceMember",
        members.size() + " new members",
        () -> {
          session.em().flush();
          for (var group : externalIds.entrySet()) {
            Set<String> taken =
                session
                    .sql()
                    .keysIn(
                        session,
                        "tp_member",
                        "external_id",
                        group.getKey(),
                        List.copyOf(group.getValue()));
            if (!taken.isEmpty()) {
              throw new ConflictException(
                  "WorkforceMember",
                  "externalId=" + taken.iterator().next(),
                  "external id already exists");
            }
          }
          for (var group : ids.entrySet()) {
            for (List<UUID> chunk : JpaSession.chunks(group.getValue())) {
              List<UUID> taken =
                  session
                      .em()
                      .createQuery(
                          "select m.id from TpMember m where m.orgId = :org and m.id in :ids",
                          UUID.class)
                      .setParameter("org", group.getKey())
                      .setParameter("ids", chunk)
                      .setMaxResults(1)
                      .getResultList();
              if (!taken.isEmpty()) {
                throw new ConflictException("WorkforceMember", taken.get(0), "id already exists");
              }
            }
          }
          // why: multi-row INSERTs of the member and terms rows, not a persisted entity per member
          // (the provider batches those 50 at a time and keeps every one in the session)
          List<@Nullable Object[]> memberRows = new ArrayList<>(members.size());
          List<@Nullable Object[]> termRows = new ArrayList<>(members.size());
          List<WorkforceMember> stored = new ArrayList<>(members.size());
          for (WorkforceMember m : members) {
            MemberEntity e = MemberMapper.toEntity(m);
            memberRows.add(
                new @Nullable Object[] {
                  session.bind(e.id),
                  session.bind(e.orgId),
                  e.externalId,
                  e.idOrder,
                  e.displayName,
                  e.engagedOn,
                  0L
                });
            for (int seq = 0; seq < e.history.size(); seq++) {
              MemberEntity.Terms t = e.history.get(seq);
              termRows.add(
                  new @Nullable Object[] {
                    session.bind(e.orgId),
                    session.bind(e.id),
                    seq,
                    t.effectiveFrom(),
                    t.type(),
                    t.roles(),
                    t.department(),
                    t.manager() == null ? null : session.bind(t.manager()),
                    t.status()
                  });
            }
            stored.add(MemberMapper.member(e));
          }
          session.sql().insertRows(session, "tp_member", MEMBER_COLUMNS, memberRows, "", false);
          session.sql().insertRows(session, "tp_member_terms", TERMS_COLUMNS, termRows, "", false);
          return stored;
        });
  }

  @Override
  public WorkforceMember update(WorkforceMember member) {
    MemberEntity e =
        session.current(
            MemberEntity.class,
            member.id(),
            member.organization(),
            x -> x.orgId,
            x -> x.version,
            member.version(),
            "WorkforceMember");
    MemberMapper.apply(member, e);
    session.flush("WorkforceMember", member.id());
    return MemberMapper.member(e);
  }

  @Override
  public Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id) {
    return session
        .findInOrg(MemberEntity.class, id.value(), organization, e -> e.orgId)
        .map(MemberMapper::member);
  }

  @Override
  public Optional<WorkforceMember> findByExternalId(
      Id<Organization> organization, String externalId) {
    return session
        .em()
        .createQuery(
            "select m from TpMember m where m.orgId = :org and m.externalId = :ext",
            MemberEntity.class)
        .setParameter("org", organization.value())
        .setParameter("ext", externalId)
        .getResultStream()
        .findFirst()
        .map(session.detached(MemberMapper::member));
  }

  @Override
  public List<WorkforceMember> list(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select m from TpMember m where m.orgId = :org order by m.id", MemberEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(MemberMapper::member))
        .toList();
  }

  @Override
  public List<WorkforceMember> page(
      Id<Organization> organization, @Nullable Id<WorkforceMember> after, int limit) {
    return session
        .em()
        .createQuery(
            "select m from TpMember m where m.orgId = :org and m.idOrder > :after"
                + " order by m.idOrder",
            MemberEntity.class)
        .setParameter("org", organization.value())
        .setParameter("after", after == null ? "" : Mapper.idOrder(after.value()))
        .setMaxResults(Math.max(1, limit))
        .getResultList()
        .stream()
        .map(session.detached(MemberMapper::member))
        .toList();
  }

  @Override
  public List<WorkforceMember> claimForSweep(
      Id<Organization> organization, LocalDate day, int limit) {
    return claim(organization, day, limit, false);
  }

  @Override
  public List<WorkforceMember> claimDueForSweep(
      Id<Organization> organization, LocalDate day, int limit) {
    return claim(organization, day, limit, true);
  }

  private List<WorkforceMember> claim(
      Id<Organization> organization, LocalDate day, int limit, boolean dueOnly) {
    return JpaSession.guard(
        "WorkforceMember",
        "sweep " + organization + " " + day,
        () -> {
          session.em().flush();
          return session.sql().claimForSweep(session, organization.value(), day, limit, dueOnly);
        });
  }

  @Override
  public void setNextChange(
      Id<Organization> organization, Map<Id<WorkforceMember>, LocalDate> next) {
    if (next.isEmpty()) {
      return;
    }
    Map<UUID, LocalDate> dates = new LinkedHashMap<>();
    for (Map.Entry<Id<WorkforceMember>, LocalDate> e : next.entrySet()) {
      dates.put(e.getKey().value(), e.getValue());
    }
    JpaSession.guard(
        "WorkforceMember",
        "next change " + organization,
        () -> {
          // why: the provider's pending writes (a member inserted in this transaction) first
          session.em().flush();
          session.sql().setNextChange(session, organization.value(), dates);
          return null;
        });
  }

  @Override
  public void resetNextChange(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    List<Object> ids = new ArrayList<>(members.size());
    for (Id<WorkforceMember> id : members) {
      ids.add(session.bind(id.value()));
    }
    // why guarded: a deadlock with a concurrent sweep surfaces as a transient conflict, which
    // core runs again (the retry policy)
    JpaSession.guard(
        "WorkforceMember",
        "reset next change " + organization,
        () -> {
          for (List<Object> chunk : JpaSession.chunks(ids)) {
            session
                .em()
                .createNativeQuery(
                    "UPDATE tp_member SET next_change_on = NULL"
                        + " WHERE org_id = :org AND id IN (:ids) AND next_change_on IS NOT NULL")
                .setParameter("org", session.bind(organization.value()))
                .setParameter("ids", chunk)
                .executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void resetNextChangeAll(Id<Organization> organization) {
    JpaSession.guard(
        "WorkforceMember",
        "reset next change " + organization,
        () ->
            session
                .em()
                .createNativeQuery(
                    "UPDATE tp_member SET next_change_on = NULL WHERE org_id = :org"
                        + " AND next_change_on IS NOT NULL")
                .setParameter("org", session.bind(organization.value()))
                .executeUpdate());
  }

  @Override
  public Optional<LocalDate> nextChange(Id<Organization> organization, Id<WorkforceMember> member) {
    List<?> rows =
        session
            .em()
            .createNativeQuery(
                "SELECT next_change_on FROM tp_member WHERE org_id = :org AND id = :id")
            .setParameter("org", session.bind(organization.value()))
            .setParameter("id", session.bind(member.value()))
            .getResultList();
    if (rows.isEmpty() || rows.get(0) == null) {
      return Optional.empty();
    }
    Object value = rows.get(0);
    return Optional.of(value instanceof Date date ? date.toLocalDate() : (LocalDate) value);
  }
}
