package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.util.List;

/** A schema holds objects that cloning cannot reproduce exactly; nothing was created. */
final class NotClonableException extends TenancyException {

    private static final long serialVersionUID = 1L;

    NotClonableException(SchemaName schema, List<String> objects) {
        super("The schema '" + schema + "' cannot be cloned exactly because it holds " + String.join(", ", objects)
                + ". Cloning reproduces tables, sequences, defaults, constraints, indexes, comments and views; a "
                + "schema holding more can only be built by its migrations.");
    }
}
