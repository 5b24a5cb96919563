package io.trainproof.web.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What every controller of the module answers for a refusal, as Problem Details. The SDK's typed
 * exceptions carry the field and the value; anything else is a bug and goes to the host's error
 * handling. Stateless.
 */
abstract class Endpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

  @ExceptionHandler(RequestBodies.TooLarge.class)
  ResponseEntity<String> tooLarge(RequestBodies.TooLarge e) {
    return refused(413, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(RequestBodies.WrongType.class)
  ResponseEntity<String> wrongType(RequestBodies.WrongType e) {
    return refused(415, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(Actors.Unmapped.class)
  ResponseEntity<String> unmapped(Actors.Unmapped e) {
    return refused(503, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<String> invalid(ValidationException e) {
    return refused(422, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return refused(404, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<String> forbidden(ForbiddenException e) {
    return refused(403, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<String> conflict(ConflictException e) {
    return refused(409, String.valueOf(e.getMessage()));
  }

  static ResponseEntity<String> refused(int status, String detail) {
    LOG.info("refused with {}: {}", status, detail);
    return Problems.of(status, detail);
  }
}
