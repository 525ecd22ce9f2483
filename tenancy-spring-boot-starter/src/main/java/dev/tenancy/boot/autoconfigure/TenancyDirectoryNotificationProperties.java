package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How changes to tenants and domains reach the directory of every instance ({@code tenancy.directory.*}). */
@ConfigurationProperties("tenancy.directory")
public class TenancyDirectoryNotificationProperties {

    /**
     * Whether this instance listens for the changes every instance announces (PostgreSQL LISTEN/NOTIFY on channel
     * {@code tenancy_directory}) and forgets what they changed within about a second. Off, other instances' changes
     * are seen here only after {@code tenancy.directory.time-to-live}.
     */
    private boolean notifications = true;

    public boolean isNotifications() {
        return notifications;
    }

    public void setNotifications(boolean notifications) {
        this.notifications = notifications;
    }
}
