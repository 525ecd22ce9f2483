package dev.tenancy.core.files;

import dev.tenancy.core.TenancyException;

/**
 * A file name was refused because it could reach outside the tenant's storage root (or could be read so by some
 * layer): {@code ..} segments, absolute paths, backslashes, percent-encoding, control characters, Unicode look-alikes
 * of dots and slashes, or a symbolic link leading out of the root. The message says which rule was broken.
 */
public final class UnsafeFileNameException extends TenancyException {

    UnsafeFileNameException(String message) {
        super(message);
    }
}
