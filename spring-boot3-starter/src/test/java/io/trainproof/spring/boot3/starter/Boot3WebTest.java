package io.trainproof.spring.boot3.starter;

import io.trainproof.spring.boot.autoconfigure.TrainproofWebContract;

/** The web module through this starter on Spring Boot 3.5 (Spring Framework 6.2, Security 6.5). */
class Boot3WebTest extends TrainproofWebContract {}
