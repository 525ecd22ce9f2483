package dev.tenancy.benchmarks.app.page;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** The page's order queries: one order with its customer (a join), the customer's latest 20, and their count. */
public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {

    @Query("select o from CustomerOrder o join fetch o.customer where o.id = :id")
    Optional<CustomerOrder> findWithCustomer(long id);

    List<CustomerOrder> findTop20ByCustomerIdOrderByIdDesc(long customerId);

    long countByCustomerId(long customerId);
}
