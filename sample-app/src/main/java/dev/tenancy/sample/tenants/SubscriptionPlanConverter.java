package dev.tenancy.sample.tenants;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SubscriptionPlan} as its lower-case name, the values the tenant table's check allows. */
@Converter(autoApply = true)
class SubscriptionPlanConverter implements AttributeConverter<SubscriptionPlan, String> {

    @Override
    public String convertToDatabaseColumn(SubscriptionPlan plan) {
        return plan == null ? null : plan.value();
    }

    @Override
    public SubscriptionPlan convertToEntityAttribute(String value) {
        return value == null ? null : SubscriptionPlan.of(value);
    }
}
