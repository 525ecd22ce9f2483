package dev.tenancy.core.files;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Each tenant's files, under a storage root of its own made from a pattern with the tenant's schema name (like
 * django-tenants' {@code MULTITENANT_RELATIVE_MEDIA_ROOT = "%s/media"}): with {@code /var/app/%s/media}, tenant
 * {@code tenant_acme}'s files live under {@code /var/app/tenant_acme/media}.
 *
 * <p>Every method works for the current tenant and refuses to run in public. File names are relative paths with
 * '/' between directories; a name that could reach outside the tenant's root is refused with an
 * {@link InvalidInputException} before the file system is touched ({@code ..}, absolute paths, backslashes,
 * percent-encoding, control characters such as NUL, Unicode look-alikes of dots and slashes), and so is a path whose
 * real location, following symbolic links, leaves the root. A stored file appears whole or not at all.
 */
public final class TenantFiles {

    private final String rootPattern;

    private TenantFiles(String rootPattern) {
        this.rootPattern = rootPattern;
    }

    /**
     * Files under roots made from {@code rootPattern}, which must contain {@code %s} exactly once (replaced by the
     * schema name) and no other {@code %}; a relative pattern is taken from the working directory.
     */
    public static TenantFiles withRootPattern(String rootPattern) {
        Objects.requireNonNull(rootPattern, "rootPattern");
        String withoutTenant = rootPattern.replaceFirst("%s", "");
        if (!rootPattern.contains("%s") || withoutTenant.contains("%")) {
            throw new IllegalArgumentException("The files root pattern '" + rootPattern + "' must contain %s exactly "
                    + "once, for the tenant's schema name, and no other '%', e.g. /var/app/%s/media.");
        }
        return new TenantFiles(rootPattern);
    }

    /** The current tenant's storage root (not created). */
    public Path root() {
        SchemaName tenant = Tenants.current().orElseThrow(() -> new TenancyException("Tenant files need a tenant, "
                + "but the code runs in public. Run it for a tenant (Tenants.run(schema, ...) or a tenant's host)."));
        return Path.of(String.format(rootPattern, tenant.value())).toAbsolutePath().normalize();
    }

    /** Where the current tenant's file {@code name} is (or would be), after checking the name is safe. */
    public Path resolve(String name) {
        String checked = FileNames.check(name);
        Path root = root();
        Path path = root.resolve(checked).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw FileNames.refused(name, "it does not name a file inside the tenant's root");
        }
        return path;
    }

    /**
     * Stores {@code content} as the current tenant's file {@code name}, replacing it if it exists, creating its
     * directories. The content goes to a temporary file first and is moved into place once complete.
     */
    public Path store(String name, InputStream content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path path = resolve(name);
        Path root = createdRoot();
        insideRoot(name, deepestExisting(path.getParent()), root);
        Files.createDirectories(path.getParent());
        insideRoot(name, path.getParent(), root);
        refuseLinkLeavingRoot(name, path, root);
        Path partial = Files.createTempFile(path.getParent(), ".partial-", ".tmp");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            move(partial, path);
        } finally {
            Files.deleteIfExists(partial);
        }
        return path;
    }

    /** Opens the current tenant's file {@code name} for reading; the caller closes the stream. */
    public InputStream read(String name) throws IOException {
        Path path = resolve(name);
        Path real = insideRoot(name, path, realRoot(path));
        return Files.newInputStream(real);
    }

    /** Whether the current tenant has a file or directory {@code name}. */
    public boolean exists(String name) throws IOException {
        Path path = resolve(name);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        insideRoot(name, path, realRoot(path));
        return true;
    }

    /**
     * The names of the files and directories directly in the current tenant's directory {@code directory} ("" for
     * the root), relative to the root, sorted; empty when the directory does not exist.
     */
    public List<String> list(String directory) throws IOException {
        Path root = root();
        Path dir = directory.isEmpty() ? root : resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path realRoot = realRoot(dir);
        insideRoot(directory, dir, realRoot);
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(entry -> !entry.getFileName().toString().startsWith(".partial-"))
                    .forEach(entry -> names.add(root.relativize(entry).toString().replace('\\', '/')));
        }
        names.sort(null);
        return names;
    }

    /** Deletes the current tenant's file (or empty directory) {@code name}; false if there was none. */
    public boolean delete(String name) throws IOException {
        Path path = resolve(name);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path root = realRoot(path);
        insideRoot(name, path.getParent(), root);
        refuseLinkLeavingRoot(name, path, root);
        return Files.deleteIfExists(path);
    }

    private Path createdRoot() throws IOException {
        Path root = root();
        Files.createDirectories(root);
        return root.toRealPath();
    }

    private Path realRoot(Path path) throws IOException {
        try {
            return root().toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "the tenant has no files yet");
        }
    }

    private static Path insideRoot(String name, Path path, Path realRoot) throws IOException {
        Path real = path.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw FileNames.refused(name, "a symbolic link leads outside the tenant's root");
        }
        return real;
    }

    private static Path deepestExisting(Path directory) {
        Path existing = directory;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static void refuseLinkLeavingRoot(String name, Path path, Path realRoot) throws IOException {
        if (Files.isSymbolicLink(path) && Files.exists(path)) {
            insideRoot(name, path, realRoot);
        } else if (Files.isSymbolicLink(path)) {
            throw FileNames.refused(name, "it is a symbolic link to nothing");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
