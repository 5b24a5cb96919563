-- How long a certificate for this course version is valid, as an ISO-8601 period (P24M);
-- NULL keeps the default: valid until the requirement's next due date.
ALTER TABLE tp_course_version ADD COLUMN certificate_validity varchar(32);
