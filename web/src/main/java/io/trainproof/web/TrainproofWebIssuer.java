package io.trainproof.web;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.signing.key.IssuerKeyHistory;

/**
 * Which organization the web module issues and verifies for, with its issuer key history (the DID
 * document served at {@code <base>/did.json} and the keys verification trusts). A host supplies one
 * as a bean, next to the {@code Trainproof} whose credential issuer signs with the same keys.
 * Immutable.
 *
 * @param organization the organization whose certificates the page looks up and whose issuer key
 *     signs
 * @param history the issuer's key history; for {@code did:web:<host>:trainproof} its DID document
 *     resolves to {@code https://<host>/trainproof/did.json}
 */
public record TrainproofWebIssuer(Id<Organization> organization, IssuerKeyHistory history) {}
