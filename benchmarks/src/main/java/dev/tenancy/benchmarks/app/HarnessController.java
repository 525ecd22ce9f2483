package dev.tenancy.benchmarks.app;

import dev.tenancy.core.directory.TenantDirectory;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What the harness reads from the running application, on the public host ({@code localhost}); not part of what is
 * measured: the heap after a full GC, the memory of every pooled connection's PostgreSQL backend, how many host
 * lookups reached the database, the JVM's CPU time and the bytes each thread allocated, and a way to have the pool
 * replace its connections.
 */
@RestController
@RequestMapping("/harness")
class HarnessController {

    /**
     * The backend's memory in total and in {@code CacheMemoryContext} with its children (catalogue and relation
     * caches; PostgreSQL 14+).
     */
    private static final String BACKEND_MEMORY = "SELECT pg_backend_pid(), sum(total_bytes), sum(total_bytes)"
            + " FILTER (WHERE name = 'CacheMemoryContext' OR parent = 'CacheMemoryContext')"
            + " FROM pg_backend_memory_contexts";

    private final DataSource dataSource;
    private final ObjectProvider<TenantDirectory> directory;

    HarnessController(DataSource dataSource, ObjectProvider<TenantDirectory> directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    /** Bytes of heap in use after two full collections. */
    @GetMapping("/heap")
    long heap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One entry per pooled connection (all of them are borrowed at once): its backend's pid and memory. */
    @GetMapping("/backend-memory")
    List<BackendMemory> backendMemory() throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        List<BackendMemory> backends = new ArrayList<>();
        try {
            int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            for (int i = 0; i < size; i++) {
                borrowed.add(dataSource.getConnection());
            }
            for (Connection connection : borrowed) {
                try (PreparedStatement select = connection.prepareStatement(BACKEND_MEMORY);
                     ResultSet row = select.executeQuery()) {
                    row.next();
                    backends.add(new BackendMemory(row.getInt(1), row.getLong(2), row.getLong(3)));
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        return backends;
    }

    /** Host lookups that reached the database (cache misses of the tenant directory); -1 without Tenancy. */
    @GetMapping("/directory-lookups")
    long directoryLookups() {
        TenantDirectory tenants = directory.getIfAvailable();
        return tenants == null ? -1 : tenants.databaseLookups();
    }

    /**
     * The JVM's CPU time so far ({@code cpu_nanos N}, -1 where unsupported) and, one line each, the bytes every live
     * thread has allocated since it started ({@code thread ID BYTES}): the harness subtracts two readings thread by
     * thread, so that a thread ending in between does not take its earlier allocations out of the sum.
     */
    @GetMapping(path = "/jvm-counters", produces = MediaType.TEXT_PLAIN_VALUE)
    String jvmCounters() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        long cpuNanos = system instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        StringBuilder counters = new StringBuilder("cpu_nanos ").append(cpuNanos).append('\n');
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
            counters.append("compile_millis ").append(jit.getTotalCompilationTime()).append('\n');
        }
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            long[] ids = threads.getAllThreadIds();
            long[] allocated = threads.getThreadAllocatedBytes(ids);
            for (int i = 0; i < ids.length; i++) {
                if (allocated[i] >= 0) {
                    counters.append("thread ").append(ids[i]).append(' ').append(allocated[i]).append('\n');
                }
            }
        }
        return counters.toString();
    }

    /** Has the pool retire every connection (as {@code maxLifetime} does) and waits until the old ones are gone. */
    @PostMapping("/recycle-connections")
    void recycleConnections() throws SQLException, InterruptedException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMinimumIdle()) {
            Thread.sleep(20);
        }
    }

    record BackendMemory(int pid, long totalBytes, long cacheBytes) {
    }
}
