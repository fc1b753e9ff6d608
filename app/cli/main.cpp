#include <iostream>

#include "runtime.h"

int main() {
    ft::initRuntime();
    std::cout << ft::runtimeInfo();
    return 0;
}
