/**
 * Running a school's server: moving the data from the embedded H2 database to PostgreSQL when a school outgrows one
 * machine, and consistent online backups. It knows no feature's tables by name: it reads the schema.
 */
package org.latentlab.operations;
