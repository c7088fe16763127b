/**
 * The data files of ketamine-faq, as a module: resources only. They sit under {@code ketamine-faq/}, which is not a
 * package, so any module can read them; {@code ketamine.faq.core} requires this module so that a program on the
 * module path gets the data with the library.
 */
module ketamine.faq.data {
}
