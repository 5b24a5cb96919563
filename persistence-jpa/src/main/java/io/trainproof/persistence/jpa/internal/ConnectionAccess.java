package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs JDBC work on the transaction's own connection, the one thing the store needs that Jakarta
 * Persistence 3.1 has no call for. why: 3.2 added {@code EntityManager.callWithConnection}
 * (Hibernate 7 implements it), 3.1 has nothing, and Hibernate 6.6 implements 3.1 (Spring Boot 3.5
 * manages both); Hibernate's own {@code Session.doReturningWork}, in 6.6 and 7 alike, hands out the
 * same connection. The store's code uses only the 3.1 API (the hibernate6 build compiles it against
 * 3.1), so both are found by reflection, once per class of entity manager: the standard call when
 * that entity manager implements it, else Hibernate's. Stateless; thread-safe.
 */
final class ConnectionAccess {
  /** How one class of entity manager reaches its connection. */
  private record Route(
      Method call, Class<?> function, @Nullable Class<?> unwrapTo, String description) {}

  private static final ClassValue<Optional<Route>> ROUTES =
      new ClassValue<>() {
        @Override
        protected Optional<Route> computeValue(Class<?> type) {
          return route(type);
        }
      };

  private ConnectionAccess() {}

  /** JDBC work on the transaction's connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs the work on the entity manager's connection. The provider wraps whatever the work throws
   * in its own exception, so the driver's failure is carried out as a value and thrown here as a
   * {@link PersistenceException}, as the provider throws its own.
   *
   * @param em an entity manager in a transaction
   * @param what the work, for the message of a failure
   * @param work the work
   * @return what the work returned
   */
  static <T> T call(EntityManager em, String what, Work<T> work) {
    Route route =
        ROUTES
            .get(em.getClass())
            .orElseThrow(
                () ->
                    new PersistenceException(
                        what
                            + " needs the transaction's JDBC connection, which "
                            + em.getClass().getName()
                            + " gives neither through Jakarta Persistence 3.2's"
                            + " EntityManager.callWithConnection nor through Hibernate's"
                            + " Session.doReturningWork"));
    List<@Nullable Object> result = new ArrayList<>(1);
    SQLException[] failure = new SQLException[1];
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> route.description();
            };
          }
          try {
            result.add(work.apply((Connection) args[0]));
          } catch (SQLException e) {
            failure[0] = e;
          }
          return null;
        };
    Object function =
        Proxy.newProxyInstance(
            route.function().getClassLoader(), new Class<?>[] {route.function()}, handler);
    Class<?> unwrapTo = route.unwrapTo();
    Object target = unwrapTo == null ? em : em.unwrap(unwrapTo);
    try {
      route.call().invoke(target, function);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new PersistenceException(what + " failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new PersistenceException(what + ": " + route.description() + " is not accessible", e);
    }
    if (failure[0] != null) {
      throw new PersistenceException(what + " failed: " + failure[0].getMessage(), failure[0]);
    }
    if (result.isEmpty()) {
      throw new PersistenceException(what + ": " + route.description() + " did not run the work");
    }
    // why non-null: the work is null-marked code and returns a value
    @SuppressWarnings("unchecked")
    T value = (T) Objects.requireNonNull(result.get(0));
    return value;
  }

  /**
   * @return how this entity manager reaches its connection ({@code
   *     EntityManager.callWithConnection} or {@code Session.doReturningWork}), or none
   */
  static Optional<String> routeOf(EntityManager em) {
    return ROUTES.get(em.getClass()).map(Route::description);
  }

  /** The standard call when the class implements it, else Hibernate's, else none. */
  private static Optional<Route> route(Class<?> type) {
    for (Method standard : EntityManager.class.getMethods()) {
      if (standard.getName().equals("callWithConnection") && standard.getParameterCount() == 1) {
        try {
          Method implementation = type.getMethod(standard.getName(), standard.getParameterTypes());
          if (!Modifier.isAbstract(implementation.getModifiers())) {
            return Optional.of(
                new Route(
                    standard,
                    standard.getParameterTypes()[0],
                    null,
                    "EntityManager.callWithConnection"));
          }
        } catch (NoSuchMethodException e) {
          // not implemented by this class: try Hibernate's
        }
      }
    }
    List<ClassLoader> loaders = new ArrayList<>(2);
    if (type.getClassLoader() != null) {
      loaders.add(type.getClassLoader());
    }
    loaders.add(ConnectionAccess.class.getClassLoader());
    for (ClassLoader loader : loaders) {
      try {
        Class<?> session = Class.forName("org.hibernate.Session", false, loader);
        Class<?> returningWork = Class.forName("org.hibernate.jdbc.ReturningWork", false, loader);
        return Optional.of(
            new Route(
                session.getMethod("doReturningWork", returningWork),
                returningWork,
                session,
                "Session.doReturningWork"));
      } catch (ClassNotFoundException | NoSuchMethodException e) {
        // not Hibernate through this loader
      }
    }
    return Optional.empty();
  }
}
