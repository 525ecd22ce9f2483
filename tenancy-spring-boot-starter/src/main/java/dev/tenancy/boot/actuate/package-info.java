/**
 * Spring Boot Actuator for a fleet of tenants: the {@code tenants} endpoint and the {@code tenants} health
 * contributor. Active only when Actuator is on the class path; see {@code TenancyActuatorAutoConfiguration}.
 */
package dev.tenancy.boot.actuate;
