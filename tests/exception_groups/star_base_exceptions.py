# except* with BaseException subclasses: KeyboardInterrupt and SystemExit in a
# BaseExceptionGroup, naked KeyboardInterrupt wrapped in a BaseExceptionGroup.
def catch(make):
    try:
        try:
            raise make()
        except* KeyboardInterrupt as e:
            print("KI clause:", type(e).__name__, repr(e))
        except* SystemExit as e:
            print("SE clause:", type(e).__name__, repr(e))
    except BaseException as rest:
        print("rest:", type(rest).__name__, repr(rest))


catch(lambda: BaseExceptionGroup("b", [KeyboardInterrupt(), SystemExit(2), ValueError(1)]))
catch(lambda: KeyboardInterrupt("naked"))
catch(lambda: SystemExit(5))
catch(lambda: BaseExceptionGroup("only", [GeneratorExit()]))
