import Foundation
import HeritageCatalog
import Testing

/// The tokens handed out in URLs use base64url without padding, and read back what they hold.
struct Base64URLTests {
  @Test(arguments: [0, 1, 2, 3, 4, 5, 64])
  func bytesComeBackFromTheirURLSafeForm(count: Int) throws {
    // 0xFB 0xFF makes `+` and `/` in standard base64: base64url must have neither.
    let bytes = Data((0..<count).map { [0xFB, 0xFF, 0x3E][$0 % 3] })
    let text = Base64URL.encode(bytes)
    #expect(!text.contains { "+/=".contains($0) })
    #expect(Base64URL.decode(text) == bytes)
  }

  @Test func theAlphabetIsRFC4648Section5() {
    #expect(Base64URL.encode(Data([0xFB, 0xFF])) == "-_8")
    #expect(Base64URL.decode("-_8") == Data([0xFB, 0xFF]))
    #expect(Base64URL.decode("-_8=") == Data([0xFB, 0xFF]))
  }

  @Test(arguments: ["not base64!", "a", "%%%%", "+_8", "-/8", "AB+/"])
  func textThatIsNotBase64URLGivesNothing(text: String) {
    #expect(Base64URL.decode(text) == nil)
  }
}
