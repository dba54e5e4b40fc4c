#include "config.h"

#include <criterion/criterion.h>

#include "cli_test.h"
