package io.gatehouse;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wraps every {@code @Transactional} service method in {@link TransientFailureRetry}, outside the transaction, so
 * that a retry starts a new one; and gives services a transaction template that retries the same way. A plain Spring advisor rather than an aspect: no AspectJ on the class path.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

	/**
	 * Ordered before the transaction advisor (which has the lowest precedence), so it runs around it; an
	 * infrastructure bean, so the auto-proxying that applies {@code @Transactional} applies it too.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor transientFailureRetryAdvisor() {
		ComposablePointcut transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class,
				true))
			.union(new AnnotationMatchingPointcut(null, Transactional.class, true));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, new TransientFailureRetry());
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return advisor;
	}

	/** In place of Spring Boot's plain template: the transactions services start through it are retried too. */
	@Bean
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
		return new RetryingTransactionTemplate(transactions);
	}
}
