-- The host application's own first migration (Spring Boot's default location), beside Trainproof's.
CREATE TABLE host_patient (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
