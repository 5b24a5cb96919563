/**
 * Trainproof's HTTP surface on Spring MVC and Spring Security: {@link
 * io.trainproof.web.TrainproofWebAutoConfiguration} serves the VC API, the public verification page
 * and the officer dashboard under {@code trainproof.web.base-path}, secured by scopes ({@code
 * credentials:issue}, {@code dashboard:read}) with an OAuth 2.0 JWT or an API key. The host tells
 * it which organization issues ({@link io.trainproof.web.TrainproofWebIssuer}) and how an
 * authenticated caller becomes the SDK's actor ({@link io.trainproof.web.ActorMapper}). The
 * Spring-free VC API itself is in {@link io.trainproof.web.vcapi}.
 */
@NullMarked
package io.trainproof.web;

import org.jspecify.annotations.NullMarked;
