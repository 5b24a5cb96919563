package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The persistence unit the store builds for itself: resource-local, on the host's data source,
 * listing one mapping file and nothing else, handed to the provider the way a container hands one
 * ({@link PersistenceProvider#createContainerEntityManagerFactory}), with no {@code
 * persistence.xml}. why: Jakarta Persistence 3.2's {@code PersistenceConfiguration} is missing from
 * 3.1, which Hibernate 6.6 implements (and Spring Boot 3.5 manages); a {@link PersistenceUnitInfo}
 * works on 3.1 and 3.2 alike. Immutable; not API.
 */
public final class StorePersistenceUnit implements PersistenceUnitInfo {
  /** The property naming the provider class, when more than one is on the class path. */
  private static final String PROVIDER = "jakarta.persistence.provider";

  private final String name;
  private final DataSource dataSource;
  private final String mappingFile;

  private StorePersistenceUnit(String name, DataSource dataSource, String mappingFile) {
    this.name = name;
    this.dataSource = dataSource;
    this.mappingFile = mappingFile;
  }

  /**
   * Builds the entity manager factory of a resource-local unit.
   *
   * @param name the unit's name
   * @param dataSource its (non-JTA) data source
   * @param mappingFile the one mapping file listing its entities
   * @param properties the unit's properties (provider and standard ones); {@code
   *     jakarta.persistence.provider} picks the provider when several are on the class path
   * @return the factory; the caller closes it
   */
  public static EntityManagerFactory createFactory(
      String name, DataSource dataSource, String mappingFile, Map<String, ?> properties) {
    StorePersistenceUnit unit =
        new StorePersistenceUnit(
            Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(dataSource, "dataSource"),
            Objects.requireNonNull(mappingFile, "mappingFile"));
    return provider(properties.get(PROVIDER)).createContainerEntityManagerFactory(unit, properties);
  }

  /** The provider named, or the first one on the class path. */
  private static PersistenceProvider provider(@Nullable Object wanted) {
    List<PersistenceProvider> providers =
        PersistenceProviderResolverHolder.getPersistenceProviderResolver()
            .getPersistenceProviders();
    for (PersistenceProvider provider : providers) {
      if (wanted == null || provider.getClass().getName().equals(wanted.toString())) {
        return provider;
      }
    }
    throw new PersistenceException(
        wanted == null
            ? "no Jakarta Persistence provider is on the class path (the store is tested with"
                + " Hibernate ORM 6.6 and 7)"
            : "the persistence provider "
                + wanted
                + " ("
                + PROVIDER
                + ") is not on the class path");
  }

  @Override
  public String getPersistenceUnitName() {
    return name;
  }

  @Override
  public @Nullable String getPersistenceProviderClassName() {
    return null;
  }

  /**
   * @return {@code null}: the unit uses no CDI scope (Jakarta Persistence 3.2)
   */
  @SuppressWarnings("MissingOverride") // why: an override on 3.2, a plain method on 3.1
  public @Nullable String getScopeAnnotationName() {
    return null;
  }

  /**
   * @return none: the unit uses no CDI qualifier (Jakarta Persistence 3.2)
   */
  @SuppressWarnings("MissingOverride") // why: an override on 3.2, a plain method on 3.1
  public List<String> getQualifierAnnotationNames() {
    return List.of();
  }

  @Override
  @SuppressWarnings(
      "removal") // why: the SPI's own type on 3.1; 3.2 deprecates it, still returns it
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.RESOURCE_LOCAL;
  }

  @Override
  public @Nullable DataSource getJtaDataSource() {
    return null;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return dataSource;
  }

  @Override
  public List<String> getMappingFileNames() {
    return List.of(mappingFile);
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  /**
   * @return {@code null}: nothing is scanned, the mapping file lists every entity
   */
  @Override
  public @Nullable URL getPersistenceUnitRootUrl() {
    return null;
  }

  @Override
  public List<String> getManagedClassNames() {
    return List.of();
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return true;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return SharedCacheMode.UNSPECIFIED;
  }

  @Override
  public ValidationMode getValidationMode() {
    return ValidationMode.AUTO;
  }

  /**
   * @return none: the properties are given to the provider with the unit
   */
  @Override
  public Properties getProperties() {
    return new Properties();
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return "3.1";
  }

  @Override
  public ClassLoader getClassLoader() {
    return StorePersistenceUnit.class.getClassLoader();
  }

  /** Ignored: the store's entities are not woven. */
  @Override
  public void addTransformer(ClassTransformer transformer) {}

  @Override
  public @Nullable ClassLoader getNewTempClassLoader() {
    return null;
  }
}
