package dev.tenancy.benchmarks.app.page;

import dev.tenancy.benchmarks.app.Item;
import dev.tenancy.benchmarks.app.ItemRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The realistic page's work, in one transaction (one connection checkout, as a {@code @Transactional} service method
 * of a real application): five queries through Spring Data JPA, namely an item by id, an order with its customer (a
 * join), the customer's latest 20 orders, their count, and the insert of a page view.
 */
@Service
class Pages {

    private final ItemRepository items;
    private final OrderRepository orders;
    private final PageViewRepository views;

    Pages(ItemRepository items, OrderRepository orders, PageViewRepository views) {
        this.items = items;
        this.orders = orders;
        this.views = views;
    }

    /** The page of item {@code id} (1 to 100) and of order {@code id}; empty when the schema has no such item. */
    @Transactional
    public Optional<Page> page(long id) {
        Optional<Item> item = items.findById(id);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        CustomerOrder order = orders.findWithCustomer(id).orElseThrow();
        long customer = order.getCustomer().getId();
        List<OrderLine> recent = orders.findTop20ByCustomerIdOrderByIdDesc(customer).stream()
                .map(line -> new OrderLine(line.getId(), line.getItemId(), line.getQuantity(), line.getTotal(),
                        line.getPlacedAt()))
                .toList();
        long count = orders.countByCustomerId(customer);
        long view = views.save(new PageView(id, Instant.now())).getId();
        return Optional.of(new Page(item.get(), order.getId(), order.getCustomer().getName(), recent, count, view));
    }

    /** What the page answers, as JSON. */
    record Page(Item item, long orderId, String customer, List<OrderLine> recentOrders, long orderCount,
            long viewId) {
    }

    /** One of the customer's latest orders. */
    record OrderLine(long id, long itemId, int quantity, BigDecimal total, Instant placedAt) {
    }
}
