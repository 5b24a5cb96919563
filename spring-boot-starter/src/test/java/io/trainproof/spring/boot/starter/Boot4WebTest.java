package io.trainproof.spring.boot.starter;

import io.trainproof.spring.boot.autoconfigure.TrainproofWebContract;

/** The web module through this starter on Spring Boot 4.0 (Spring Framework 7, Security 7). */
class Boot4WebTest extends TrainproofWebContract {}
