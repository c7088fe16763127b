/**
 * The ketamine-faq core library: facts about ketamine therapy, clinic profiles and the screening rules.
 *
 * <pre>{@code
 * module my.app {
 *     requires ketamine.faq.core;
 * }
 * }</pre>
 *
 * <p>The library reads its data with Jackson, which the module path must hold; no Jackson type is part of its API.
 */
module ketamine.faq.core {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires ketamine.faq.data;

    exports org.ketaminefaq.core;
    exports org.ketaminefaq.core.eligibility;

    // Jackson reads the data files into the records of these packages
    opens org.ketaminefaq.core to com.fasterxml.jackson.databind;
    opens org.ketaminefaq.core.eligibility to com.fasterxml.jackson.databind;
}
