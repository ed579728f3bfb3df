package io.energywatch.contracts;

/**
 * A metropolitan French region.
 *
 * @param code        INSEE code
 * @param name        official name
 * @param population  INSEE legal population (2021, rounded to the thousand), the weight of the national temperature
 * @param latitude    the prefecture's latitude, reference point for day length
 * @param longitude   the prefecture's longitude
 */
public record Region(String code, String name, long population, double latitude, double longitude) {
}
